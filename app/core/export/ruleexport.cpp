#include "ruleexport.h"

#include <QCoreApplication>

#include "exportwriters.h"

namespace {

struct FormatName
{
    ExportFormat format;
    const char16_t *name;
};

constexpr FormatName FormatNames[] = {
    {ExportFormat::Nginx, u"nginx"},     {ExportFormat::TcpServices, u"tcp-services"},
    {ExportFormat::Service, u"service"}, {ExportFormat::Socat, u"socat"},
    {ExportFormat::Systemd, u"systemd"},
};

QString commentBlock(const QStringList &lines)
{
    QString text;
    for (const QString &line : lines)
        text += line.isEmpty() ? QStringLiteral("#\n") : QStringLiteral("# ") + line + u'\n';
    return text;
}

QStringList indented(const QStringList &lines)
{
    QStringList result;
    for (const QString &line : lines)
        result.append(QStringLiteral("  ") + line);
    return result;
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    for (const FormatName &entry : FormatNames) {
        if (entry.format == format)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (const FormatName &entry : FormatNames) {
        if (name == QString::fromUtf16(entry.name))
            return entry.format;
    }
    return std::nullopt;
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatName &entry : FormatNames)
        names.append(QString::fromUtf16(entry.name));
    return names;
}

Result<QString> exportRules(const QList<ForwardRule> &rules, ExportFormat format, const ExportOptions &options)
{
    using namespace RuleExport;
    Notes notes;
    QList<ForwardRule> enabled;
    for (const ForwardRule &rule : rules) {
        if (rule.enabled)
            enabled.append(rule);
        else
            notes.skipped.append(ruleLabel(rule) + QStringLiteral(": disabled"));
    }
    QString body;
    switch (format) {
    case ExportFormat::Nginx: body = writeNginx(enabled, options, notes); break;
    case ExportFormat::TcpServices: body = writeTcpServices(enabled, options, notes); break;
    case ExportFormat::Service: body = writeServices(enabled, options, notes); break;
    case ExportFormat::Socat: body = writeSocat(enabled, options, notes); break;
    case ExportFormat::Systemd: body = writeSystemd(enabled, options, notes); break;
    }
    // The unit runs Pasarela itself; every other engine relays bytes without reading them.
    if (format != ExportFormat::Systemd) {
        for (const ForwardRule &rule : std::as_const(enabled)) {
            if (rule.inspectsHttp())
                notes.lost.append(ruleLabel(rule) + QStringLiteral(": HTTP inspection (the requests and TLS names it lists)"));
        }
    }
    if (notes.exported == 0) {
        const QString why = notes.skipped.isEmpty() ? QCoreApplication::translate("Export", "there are no rules")
                                                    : notes.skipped.join(QStringLiteral("; "));
        return Error{QCoreApplication::translate("Export", "nothing to export as %1: %2")
                         .arg(exportFormatName(format), why)};
    }

    const QString count = notes.exported == 1 ? QStringLiteral("1 rule") : QStringLiteral("%1 rules").arg(notes.exported);
    QStringList header{QStringLiteral("%1, exported by Pasarela %2 from %3.")
                           .arg(notes.title, QStringLiteral(PASARELA_VERSION), count)};
    header += notes.usage;
    header += QString();
    if (notes.lost.isEmpty()) {
        header += QStringLiteral("Nothing of the rules is lost in this format.");
    } else {
        header += QStringLiteral("Not carried over (Pasarela does these, this format cannot):");
        header += indented(notes.lost);
    }
    if (!notes.skipped.isEmpty()) {
        header += QStringLiteral("Left out:");
        header += indented(notes.skipped);
    }
    return QString(commentBlock(header) + u'\n' + body);
}

namespace RuleExport {

QString ruleLabel(const ForwardRule &rule)
{
    QString name = rule.name;
    for (QChar &c : name) {
        if (c.category() == QChar::Other_Control || c == u'\u2028' || c == u'\u2029')
            c = u' ';
    }
    return QStringLiteral("rule \"%1\"").arg(name);
}

QString secondsText(int milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'g', 10);
}

QString yamlString(const QString &text)
{
    QString quoted = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            quoted += u'\\' + QString(c);
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return quoted + u'"';
}

} // namespace RuleExport
