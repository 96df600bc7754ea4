#include "curlcommand.h"
