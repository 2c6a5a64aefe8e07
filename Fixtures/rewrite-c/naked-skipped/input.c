__attribute__((naked)) void trampoline(void) {
    __asm__("ret");
}
