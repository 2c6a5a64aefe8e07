int compute(int x)
{
    int y = x * x;
    return y - x;
}
