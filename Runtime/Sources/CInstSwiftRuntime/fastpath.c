#include "instswift_fastpath.h"

long instswift_recheck_countdown = 0;
