// Translations::install() with the locale forced: Spanish comes out of the embedded catalogue
// for the command line, the core and Qt's own strings; English and languages without a
// catalogue install nothing.
#include <QFile>
#include <QLibraryInfo>
#include <QTest>

#include "checks.h"
#include "commandline.h"
#include "rules/address.h"
#include "relay/enginesnapshot.h"
#include "translations.h"

namespace {

const QLocale Spanish(QLocale::Spanish, QLocale::Spain);

QString commandLineError(const QStringList &arguments)
{
    const Result<CommandLine> parsed = parseCommandLine(QStringList{QStringLiteral("pasarela")} + arguments);
    return parsed ? QString() : parsed.error();
}

bool hasQtSpanish()
{
    return QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm"));
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        Translations::install(QLocale::c());  // removes what a test installed
    }

    void catalogueIsEmbedded()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/pasarela_es.qm")));
    }

    void commandLineInSpanish()
    {
        QVERIFY(Translations::install(Spanish));
        QCOMPARE(commandLineError({QStringLiteral("--stats"), QStringLiteral("x")}),
                 QStringLiteral("--stats \"x\": se esperaba un número entero de segundos (1-86400)"));
        const Result<CommandLine> help = parseCommandLine({QStringLiteral("pasarela"), QStringLiteral("--help")});
        QVERIFY_RESULT(help);
        QVERIFY2(help.value().helpText.startsWith(QStringLiteral("Uso: pasarela [opciones]\n")),
                 qPrintable(help.value().helpText));
        QVERIFY(help.value().helpText.contains(QStringLiteral("Muestra esta ayuda y sale.")));
        QVERIFY(help.value().helpText.contains(QStringLiteral("Códigos de salida:\n  0  se detuvo correctamente")));
    }

    void qtStringsInSpanish()
    {
        if (!hasQtSpanish() && qEnvironmentVariable("CI") != u"true")
            QSKIP("qtbase_es.qm is not installed (package qt6-translations-l10n)");
        QVERIFY(Translations::install(Spanish));
        QCOMPARE(commandLineError({QStringLiteral("--bogus")}),
                 QStringLiteral("Opción desconocida «bogus». (consulta --help)"));
        const Result<CommandLine> help = parseCommandLine({QStringLiteral("pasarela"), QStringLiteral("--help")});
        QVERIFY(help && help.value().helpText.contains(QStringLiteral("\nOpciones:\n")));
    }

    void coreInSpanish()
    {
        QVERIFY(Translations::install(Spanish));
        QCOMPARE(parseListen(QStringLiteral("127.0.0.1")).error(),
                 QStringLiteral("\"127.0.0.1\" no tiene puerto: usa DIRECCIÓN:PUERTO, p. ej. 127.0.0.1:8080"));
        QCOMPARE(toDisplayString(CloseReason::ClientReset), QStringLiteral("reiniciada por el cliente"));
        // What programs read stays English.
        QCOMPARE(toString(CloseReason::ClientReset), QStringLiteral("reset by client"));
    }

    void windowInSpanish()
    {
        QVERIFY(Translations::install(Spanish));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Archivo"));
    }

    void englishLoadsNothing_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("C") << QLocale::c();
        // Qt has German, Pasarela does not: all English rather than a mix.
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
    }

    void englishLoadsNothing()
    {
        QFETCH(QLocale, locale);
        QVERIFY(Translations::install(Spanish));
        QVERIFY(!Translations::install(locale));  // and takes Spanish out again
        QCOMPARE(commandLineError({QStringLiteral("--stats"), QStringLiteral("x")}),
                 QStringLiteral("--stats \"x\": expected a whole number of seconds (1-86400)"));
        QCOMPARE(commandLineError({QStringLiteral("--bogus")}), QStringLiteral("Unknown option 'bogus'. (see --help)"));
        QCOMPARE(toDisplayString(CloseReason::ClientReset), QStringLiteral("reset by client"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
