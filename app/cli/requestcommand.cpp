#include "requestcommand.h"
