struct rect { int width, height; };

double area(struct rect rect, double factor) {
    return rect.width * rect.height * factor;
}
