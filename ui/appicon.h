#pragma once

#include <functional>

#include <QIcon>

class QPainter;

// The application icon for the window and the tray: the PNGs of resources/icons/
// at every size (16 and 22/24 have their own pixel-grid designs).
QIcon appIcon();

// An icon drawn in code (themes have no common one for it, offscreen has no theme):
// draw paints on a 16x16 antialiased canvas, rendered at 16, 24, 32 and 48 px.
QIcon drawnIcon(const std::function<void(QPainter &)> &draw);
