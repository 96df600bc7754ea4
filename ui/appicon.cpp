#include "appicon.h"

#include <QPainter>
#include <QPixmap>

// Outside any namespace, as Q_INIT_RESOURCE declares the resource's function.
// The resources live in the static library pasarela_ui and nothing refers to
// them by name, so without this the linker leaves them out of the program.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

QIcon appIcon()
{
    static const bool initialised = (initResources(), true);
    Q_UNUSED(initialised);
    // PNGs, not the SVG: the small sizes are drawn for their pixel grid, and an
    // SVG in a QIcon needs the qt6-svg icon engine plugin, which nothing else
    // makes the package depend on.
    static const int sizes[] = {16, 22, 24, 32, 48, 64, 128, 256};
    QIcon icon;
    for (const int size : sizes)
        icon.addFile(QStringLiteral(":/pasarela/icons/pasarela-%1.png").arg(size), QSize(size, size));
    return icon;
}

QIcon drawnIcon(const std::function<void(QPainter &)> &draw)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        draw(painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
