// The real program picks its language from the environment: Spanish under LANG=es_ES.UTF-8
// (help, errors, `pasarela request`), English under LANG=C. Only options that end before any
// window or listener opens are run.
#include <QFile>
#include <QLibraryInfo>
#include <QTest>

#include "processrun.h"

using namespace TestSupport;

namespace {

// pasarela ARGUMENTS under LANG=lang.
ProcessRun run(const QString &lang, const QStringList &arguments)
{
    ProcessOptions options;
    // LC_ALL, LC_MESSAGES and LANGUAGE would override LANG.
    for (const QString &name : {QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANGUAGE")})
        options.environment.remove(name);
    options.environment.insert(QStringLiteral("LANG"), lang);
    options.timeoutMs = 30000;
    return runProcess(QStringLiteral(PASARELA_BINARY), arguments, options);
}

} // namespace

class TestCliLanguage final : public QObject
{
    Q_OBJECT

private slots:
    void messages_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");  // a part of stdout
        QTest::addColumn<QString>("err");  // a part of stderr

        const QString es = QStringLiteral("es_ES.UTF-8");
        const QString c = QStringLiteral("C");
        QTest::newRow("es --help") << es << QStringList{QStringLiteral("--help")} << 0
                                   << QStringLiteral("Pasarela reenvía puertos TCP y UDP de esta máquina") << QString();
        QTest::newRow("es --help exit codes") << es << QStringList{QStringLiteral("--help")} << 0
                                              << QStringLiteral("Códigos de salida:\n  0  se detuvo correctamente")
                                              << QString();
        QTest::newRow("es request --help")
            << es << QStringList{QStringLiteral("request"), QStringLiteral("--help")} << 0
            << QStringLiteral("Uso: pasarela request [opciones] URL\nEnvía una petición HTTP") << QString();
        QTest::newRow("es bad value") << es << QStringList{QStringLiteral("--headless"), QStringLiteral("--stats"),
                                                           QStringLiteral("0")}
                                      << 2 << QString()
                                      << QStringLiteral("pasarela: --stats \"0\": se esperaba un número entero de "
                                                        "segundos (1-86400)\n");
        QTest::newRow("es bad forward") << es << QStringList{QStringLiteral("--headless"), QStringLiteral("--forward"),
                                                             QStringLiteral("8080=192.168.49.2")}
                                        << 2 << QString()
                                        << QStringLiteral("destino: \"192.168.49.2\" no tiene puerto: usa HOST:PUERTO");
        QTest::newRow("es request without URL") << es << QStringList{QStringLiteral("request")} << 2 << QString()
                                                << QStringLiteral("pasarela: hace falta una URL (consulta pasarela "
                                                                  "request --help)\n");
        QTest::newRow("C --help") << c << QStringList{QStringLiteral("--help")} << 0
                                  << QStringLiteral("Pasarela forwards TCP and UDP ports of this machine") << QString();
        QTest::newRow("C --help options") << c << QStringList{QStringLiteral("--help")} << 0
                                          << QStringLiteral("\nOptions:\n") << QString();
        QTest::newRow("C bad value") << c << QStringList{QStringLiteral("--headless"), QStringLiteral("--stats"),
                                                         QStringLiteral("0")}
                                     << 2 << QString()
                                     << QStringLiteral("pasarela: --stats \"0\": expected a whole number of seconds "
                                                       "(1-86400)\n");
        QTest::newRow("C unknown option") << c << QStringList{QStringLiteral("--bogus")} << 2 << QString()
                                          << QStringLiteral("pasarela: Unknown option 'bogus'. (see --help)\n");
        QTest::newRow("C request --help") << c << QStringList{QStringLiteral("request"), QStringLiteral("--help")} << 0
                                          << QStringLiteral("Usage: pasarela request [options] URL") << QString();
    }

    void messages()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const ProcessRun result = run(lang, arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.outText().contains(out), result.out.constData());
        QVERIFY2(result.errText().contains(err), result.err.constData());
    }

    // Qt's own strings (QCommandLineParser's heading and errors) come from qtbase_es.qm.
    void qtStringsInSpanish()
    {
        const bool installed =
            QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm"));
        if (!installed && qEnvironmentVariable("CI") != u"true")
            QSKIP("qtbase_es.qm is not installed (package qt6-translations-l10n)");
        const QString es = QStringLiteral("es_ES.UTF-8");
        const ProcessRun help = run(es, {QStringLiteral("--help")});
        QVERIFY2(help.outText().contains(QStringLiteral("\nOpciones:\n")), help.out.constData());
        const ProcessRun unknown = run(es, {QStringLiteral("--bogus")});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.errText(), QStringLiteral("pasarela: Opción desconocida «bogus». (consulta --help)\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_clilanguage.moc"
