#include "rulestore.h"

#include <cmath>
#include <utility>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

const QString KeyVersion = QStringLiteral("version");
const QString KeyRules = QStringLiteral("rules");
const QString KeyMaxConnections = QStringLiteral("maxConnections");

// Editors count lines and columns in characters from 1; Qt gives a byte offset.
QString positionOf(const QByteArray &data, int offset)
{
    const QByteArray before = data.left(offset);
    const int line = int(before.count('\n')) + 1;
    const QByteArray lineText = before.mid(before.lastIndexOf('\n') + 1);
    const int column = int(QString::fromUtf8(lineText).size()) + 1;
    return QStringLiteral("line ") % QString::number(line) % QStringLiteral(", column ") % QString::number(column);
}

} // namespace

RuleStore::RuleStore(QString path) : m_path(std::move(path)) {}

QString RuleStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) % QStringLiteral("/rules.json");
}

Result<QList<ForwardRule>> RuleStore::load()
{
    const auto fail = [this](const QString &message) {
        // Whatever we could not read must not be overwritten by the next save().
        m_broken = true;
        return Error{m_path % QStringLiteral(": ") % message};
    };

    QFile file(m_path);
    if (!file.exists()) {
        m_broken = false;
        m_extra = {};
        m_maxConnections = 0;
        return QList<ForwardRule>();
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the file: ") % file.errorString());
    const QByteArray data = file.readAll();

    if (data.trimmed().isEmpty())
        return fail(QStringLiteral("the file is empty: delete it, or write {\"version\": 1, \"rules\": []} into it"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(QStringLiteral("not valid JSON at ") % positionOf(data, parseError.offset) % QStringLiteral(": ")
                    % parseError.errorString());
    }
    if (!document.isObject())
        return fail(QStringLiteral("expected a JSON object like {\"version\": 1, \"rules\": [...]}, got a list"));
    QJsonObject root = document.object();

    const QJsonValue version = root.value(KeyVersion);
    if (!version.isUndefined()) {
        if (!version.isDouble())
            return fail(QStringLiteral("\"version\" must be a number, got ") % jsonTypeName(version));
        const double number = version.toDouble();
        if (number > FormatVersion && std::trunc(number) == number) {
            return fail(QStringLiteral("version ") % QString::number(number, 'g', 15) % QStringLiteral(" is newer than this Pasarela understands (")
                        % QString::number(FormatVersion)
                        % QStringLiteral("): update Pasarela, or edit the file to the older format"));
        }
        if (number != FormatVersion) {
            return fail(QStringLiteral("version ") % QString::number(number, 'g', 15) % QStringLiteral(" is not a rules file version (expected ")
                        % QString::number(FormatVersion) % QLatin1Char(')'));
        }
    }

    int maxConnections = 0;
    const QJsonValue maxValue = root.value(KeyMaxConnections);
    if (!maxValue.isUndefined()) {
        const double number = maxValue.toDouble();
        if (!maxValue.isDouble() || std::trunc(number) != number || number < 1 || number > ForwardRule::MaxConnectionsLimit) {
            const QString found = maxValue.isDouble() ? QString::number(number, 'g', 15) : jsonTypeName(maxValue);
            return fail(QStringLiteral("\"maxConnections\" (connections open at once across all rules) must be a whole number from 1 to ")
                        % QString::number(ForwardRule::MaxConnectionsLimit) % QStringLiteral(", got ") % found
                        % QStringLiteral("; remove it for the default"));
        }
        maxConnections = int(number);
    }

    const QJsonValue rulesValue = root.value(KeyRules);
    if (!rulesValue.isUndefined() && !rulesValue.isArray())
        return fail(QStringLiteral("\"rules\" must be a list of rule objects, got ") % jsonTypeName(rulesValue));
    const QJsonArray items = rulesValue.toArray();

    QList<ForwardRule> rules;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString label = QStringLiteral("rule ") % QString::number(i + 1);
        if (!items.at(i).isObject())
            return fail(label % QStringLiteral(": expected a rule object {...}, got ") % jsonTypeName(items.at(i)));
        const QJsonObject object = items.at(i).toObject();
        const Result<ForwardRule> rule = ForwardRule::fromJson(object);
        if (!rule) {
            const QJsonValue name = object.value(QStringLiteral("name"));
            const QString named = name.isString() ? QStringLiteral(" (\"") % name.toString().trimmed() % QStringLiteral("\")") : QString();
            return fail(label % named % QStringLiteral(": ") % rule.error());
        }
        rules.append(rule.value());
    }

    const Result<void> valid = validateRules(rules);
    if (!valid)
        return fail(valid.error());

    root.remove(KeyVersion);
    root.remove(KeyRules);
    root.remove(KeyMaxConnections);
    m_extra = root;
    m_maxConnections = maxConnections;
    m_broken = false;
    return rules;
}

Result<void> RuleStore::save(const QList<ForwardRule> &rules)
{
    if (m_broken) {
        return Error{m_path % QStringLiteral(": the file is broken and was left as it is: fix it in a text editor and load it "
                                             "again, or replace it (the broken file is then kept as a backup)")};
    }
    const Result<void> valid = validateRules(rules);
    if (!valid)
        return Error{m_path % QStringLiteral(": not saved: ") % valid.error()};

    const QDir folder = QFileInfo(m_path).absoluteDir();
    if (!folder.mkpath(QStringLiteral(".")))
        return Error{m_path % QStringLiteral(": cannot create the folder ") % folder.path() % QStringLiteral(": check its permissions")};

    QJsonObject root = m_extra;
    root.insert(KeyVersion, FormatVersion);
    QJsonArray items;
    for (const ForwardRule &rule : rules)
        items.append(rule.toJson());
    root.insert(KeyRules, items);
    if (m_maxConnections > 0)
        root.insert(KeyMaxConnections, m_maxConnections);

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{m_path % QStringLiteral(": cannot write the file: ") % file.errorString()};
    // Set on the temporary file before it replaces the real one, so there is no moment
    // when the rules are readable by others.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{m_path % QStringLiteral(": cannot write the file: ") % file.errorString()};
    return {};
}

Result<QString> RuleStore::saveReplacingBroken(const QList<ForwardRule> &rules)
{
    // Check first: the broken file must not be moved aside for a save that will fail anyway.
    const Result<void> valid = validateRules(rules);
    if (!valid)
        return Error{m_path % QStringLiteral(": not saved: ") % valid.error()};

    QString backup;
    if (m_broken && QFile::exists(m_path)) {
        const QString base = m_path % QStringLiteral(".broken-") % QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        backup = base;
        for (int counter = 2; QFile::exists(backup); ++counter)
            backup = base % QLatin1Char('-') % QString::number(counter);
        if (!QFile::rename(m_path, backup))
            return Error{m_path % QStringLiteral(": cannot move the broken file aside to ") % backup % QStringLiteral(": check the folder's permissions")};
        // It holds rules too; what it was written with by hand is not ours to keep.
        QFile::setPermissions(backup, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (m_broken) {
        // The broken file's top-level keys were never read; there is nothing to keep.
        m_broken = false;
        m_extra = {};
        m_maxConnections = 0;
    }

    const Result<void> saved = save(rules);
    if (!saved) {
        if (!backup.isEmpty())
            return Error{saved.error() % QStringLiteral(" (the old file is kept at ") % backup % QLatin1Char(')')};
        return Error{saved.error()};
    }
    return backup;
}
