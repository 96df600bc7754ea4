#include "jsontree.h"
