// The Spanish catalogue is complete: every message translated (both plural forms), with the
// placeholders and the mnemonic of its source. Reads PASARELA_TS_FILE when set (the lupdate
// check runs it on an updated copy), else translations/pasarela_es.ts.
#include <algorithm>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString type;             // of <translation>: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per numerus form
    bool numerus = false;
    qint64 line = 0;
};

QString catalogueFile()
{
    const QString path = qEnvironmentVariable("PASARELA_TS_FILE");
    return path.isEmpty() ? QStringLiteral(PASARELA_SOURCE_DIR "/translations/pasarela_es.ts") : path;
}

QList<Message> readCatalogue(QString *error)
{
    QFile file(catalogueFile());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message")
            messages.append(message);
        if (!xml.isStartElement())
            continue;
        // Everything else (locations, comments) is passed over.
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            message = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes", xml.lineNumber()};
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (xml.name() == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(file.fileName(), QString::number(xml.lineNumber()), xml.errorString());
    return messages;
}

QString where(const Message &m)
{
    return QStringLiteral("  %1 (line %2): \"%3\"").arg(m.context, QString::number(m.line), m.source);
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// A "&" before a letter or digit underlines it; "&&" is a literal ampersand.
int mnemonics(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?!&)[\\p{L}\\p{N}]"));
    return int(text.count(pattern));
}

void report(const QStringList &problems, const char *what)
{
    if (!problems.isEmpty()) {
        QFAIL(qPrintable(QStringLiteral("%1 in %2 (%3):\n%4")
                             .arg(QLatin1String(what), catalogueFile(), QString::number(problems.size()),
                                  problems.join(u'\n'))));
    }
}

} // namespace

class TestCatalogue final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        m_messages = readCatalogue(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!m_messages.isEmpty(), "no message in the catalogue");
    }

    void everyMessageTranslated()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            if (m.type == u"vanished" || m.type == u"obsolete")
                problems.append(where(m) + QStringLiteral(" is no longer in the sources: run the update_translations target"));
            else if (m.type == u"unfinished")
                problems.append(where(m) + QStringLiteral(" is unfinished: translate it"));
            else if (m.numerus && m.translations.size() != 2)
                problems.append(where(m) + QStringLiteral(" needs both Spanish plural forms"));
            else if (std::any_of(m.translations.cbegin(), m.translations.cend(), [](const QString &t) { return t.isEmpty(); }))
                problems.append(where(m) + QStringLiteral(" has an empty translation"));
        }
        report(problems, "untranslated messages");
    }

    void placeholdersKept()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            for (const QString &translation : m.translations) {
                if (!translation.isEmpty() && placeholders(translation) != placeholders(m.source))
                    problems.append(where(m) + QStringLiteral(" -> \"%1\"").arg(translation));
            }
        }
        report(problems, "translations with other placeholders than their source");
    }

    void mnemonicsKept()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            for (const QString &translation : m.translations) {
                if (!translation.isEmpty() && mnemonics(translation) != mnemonics(m.source))
                    problems.append(where(m) + QStringLiteral(" -> \"%1\"").arg(translation));
            }
        }
        report(problems, "translations with another number of mnemonics than their source");
    }

private:
    QList<Message> m_messages;
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
