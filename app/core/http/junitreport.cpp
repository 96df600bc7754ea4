#include "junitreport.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

namespace {

// XML 1.0 has no place for most control characters; a header or body may hold them.
QString clean(const QString &text)
{
    QString out = text;
    out.removeIf([](QChar c) { return c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r'; });
    return out;
}

QString seconds(double ms)
{
    return QString::number(ms / 1000.0, 'f', 3);
}

struct Counts
{
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    double ms = 0;
};

Counts count(const JUnitSuite &suite)
{
    Counts c;
    c.tests = int(suite.outcomes.size() + suite.notRun.size());
    c.skipped = int(suite.notRun.size());
    c.ms = suite.elapsedMs;
    for (const RequestOutcome &outcome : suite.outcomes) {
        if (!outcome.hasResponse())
            ++c.errors;
        else if (!outcome.passed())
            ++c.failures;
    }
    return c;
}

void writeCounts(QXmlStreamWriter &xml, const Counts &c)
{
    xml.writeAttribute(QStringLiteral("tests"), QString::number(c.tests));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(c.failures));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(c.errors));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(c.skipped));
    xml.writeAttribute(QStringLiteral("time"), seconds(c.ms));
}

void writeCase(QXmlStreamWriter &xml, const QString &suite, const RequestOutcome &outcome)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), clean(outcome.name));
    xml.writeAttribute(QStringLiteral("classname"), suite);
    xml.writeAttribute(QStringLiteral("time"), seconds(outcome.hasResponse() ? outcome.exchange.response.totalMs : 0));
    if (!outcome.hasResponse()) {
        xml.writeStartElement(QStringLiteral("error"));
        xml.writeAttribute(QStringLiteral("message"), clean(outcome.problem()));
        xml.writeAttribute(QStringLiteral("type"), outcome.sent ? QStringLiteral("NoResponse") : QStringLiteral("NotSent"));
        xml.writeCharacters(clean(outcome.exchange.request.method + u' ' + outcome.exchange.request.url + u'\n'
                                  + outcome.problem()));
        xml.writeEndElement();
    } else if (!outcome.passed()) {
        QStringList failed;
        for (const AssertionResult &result : outcome.assertions) {
            if (!result.passed)
                failed.append(result.message);
        }
        xml.writeStartElement(QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), clean(failed.join(QStringLiteral("; "))));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("AssertionFailed"));
        xml.writeCharacters(clean(failed.join(u'\n')));
        xml.writeEndElement();
    }
    QStringList lines{outcome.exchange.request.method + u' ' + outcome.exchange.request.url};
    if (outcome.hasResponse()) {
        lines.append(QCoreApplication::translate("Runner", "status %1, %2 ms")
                         .arg(QString::number(outcome.exchange.response.status),
                              QString::number(outcome.exchange.response.totalMs, 'f', 1)));
    }
    for (const AssertionResult &result : outcome.assertions)
        lines.append((result.passed ? QStringLiteral("[pass] ") : QStringLiteral("[FAIL] ")) + result.message);
    xml.writeTextElement(QStringLiteral("system-out"), clean(lines.join(u'\n') + u'\n'));
    xml.writeEndElement();
}

} // namespace

QByteArray junitXml(const QList<JUnitSuite> &suites)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("pasarela run"));
    Counts all;
    for (const JUnitSuite &suite : suites) {
        const Counts c = count(suite);
        all.tests += c.tests;
        all.failures += c.failures;
        all.errors += c.errors;
        all.skipped += c.skipped;
        all.ms += c.ms;
    }
    writeCounts(xml, all);
    for (int i = 0; i < suites.size(); ++i) {
        const JUnitSuite &suite = suites.at(i);
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), clean(suite.name));
        xml.writeAttribute(QStringLiteral("id"), QString::number(i));
        writeCounts(xml, count(suite));
        xml.writeAttribute(QStringLiteral("timestamp"), suite.startedAt.toUTC().toString(Qt::ISODate));
        for (const RequestOutcome &outcome : suite.outcomes)
            writeCase(xml, suite.name, outcome);
        for (const QString &name : suite.notRun) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("name"), clean(name));
            xml.writeAttribute(QStringLiteral("classname"), suite.name);
            xml.writeAttribute(QStringLiteral("time"), seconds(0));
            xml.writeStartElement(QStringLiteral("skipped"));
            xml.writeAttribute(QStringLiteral("message"), QCoreApplication::translate("Runner", "not run: the run was canceled"));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}
