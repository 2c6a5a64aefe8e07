int cwrap_add(int a, int b);
