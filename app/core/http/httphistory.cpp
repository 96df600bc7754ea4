#include "httphistory.h"
