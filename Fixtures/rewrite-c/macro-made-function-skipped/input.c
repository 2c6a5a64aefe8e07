#define MAKE_GETTER(name, value) int make_##name(void) { return value; }

MAKE_GETTER(one, 1)
MAKE_GETTER(two, 2)
