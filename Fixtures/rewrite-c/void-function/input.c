static int counter;

void reset(void) {
    counter = 0;
}
