int send_request(int socket_fd) {/*<instswift>*/ __attribute__((cleanup(instswift_span_end_at_scope_exit), unused)) instswift_span *instswift_span_0 = instswift_span_begin("send_request", INSTSWIFT_SPAN_CLIENT, "send_request", "input.c", 1); /*</instswift>*/
    return socket_fd >= 0 ? 0 : -1;
}
