int send_request(int socket_fd) {
    return socket_fd >= 0 ? 0 : -1;
}
