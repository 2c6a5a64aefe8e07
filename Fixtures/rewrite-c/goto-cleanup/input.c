#include <stdio.h>
#include <stdlib.h>

int load_config(const char *path) {
    int status = -1;
    char *buffer = malloc(64);
    FILE *file = NULL;
    if (!buffer) goto done;
    file = fopen(path, "r");
    if (!file) goto free_buffer;
    status = fread(buffer, 1, 64, file) > 0 ? 0 : -1;
    fclose(file);
free_buffer:
    free(buffer);
done:
    return status;
}
