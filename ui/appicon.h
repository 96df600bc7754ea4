#pragma once

#include <QIcon>

// The application icon for the window and the tray: the PNGs of resources/icons/
// at every size (16 and 22/24 have their own pixel-grid designs).
QIcon appIcon();
