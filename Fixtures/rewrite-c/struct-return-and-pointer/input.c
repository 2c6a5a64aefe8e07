struct point { int x, y; };

struct point make_point(int x, int y) {
    struct point p = { x, y };
    return p;
}

int *make_slot(int *slots, int index) {
    return &slots[index];
}
