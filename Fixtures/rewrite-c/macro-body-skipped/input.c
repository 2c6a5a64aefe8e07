#define RETURN_TWO_BODY { return 2; }

int body_from_macro(void) RETURN_TWO_BODY
