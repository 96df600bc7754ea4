#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QTest>

#include "appicon.h"

// The icon of the window and the tray: each size drawn for its own pixel grid
// must be used as it is, never another size scaled.
class TestAppIcon final : public QObject
{
    Q_OBJECT

private slots:
    void everySizeIsItsOwnPng_data();
    void everySizeIsItsOwnPng();
    void otherSizesAreScaled();
    void svgResourceKept();
};

void TestAppIcon::everySizeIsItsOwnPng_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%d", size) << size;
}

void TestAppIcon::everySizeIsItsOwnPng()
{
    QFETCH(int, size);
    const QIcon icon = appIcon();
    QVERIFY(icon.availableSizes().contains(QSize(size, size)));
    const QImage png(QStringLiteral(":/pasarela/icons/pasarela-%1.png").arg(size));
    QCOMPARE(png.size(), QSize(size, size));
    const QImage drawn = icon.pixmap(QSize(size, size)).toImage();
    QCOMPARE(drawn.convertToFormat(QImage::Format_ARGB32_Premultiplied),
             png.convertToFormat(QImage::Format_ARGB32_Premultiplied));
}

void TestAppIcon::otherSizesAreScaled()
{
    const QPixmap pixmap = appIcon().pixmap(QSize(40, 40));
    QCOMPARE(pixmap.size(), QSize(40, 40));
    // The middle of the icon is the bridge on its background, never transparent.
    QCOMPARE(pixmap.toImage().pixelColor(20, 20).alpha(), 255);
}

void TestAppIcon::svgResourceKept()
{
    // Older code and the docs name the scalable source by this path.
    QVERIFY(QFile::exists(QStringLiteral(":/pasarela/pasarela.svg")));
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
