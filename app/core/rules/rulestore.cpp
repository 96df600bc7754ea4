#include "rulestore.h"

#include <cmath>
#include <utility>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStandardPaths>

#include "atomicfile.h"
#include "keepaside.h"

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
    return QCoreApplication::translate("Rules", "line %1, column %2").arg(QString::number(line), QString::number(column));
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
        return fail(QCoreApplication::translate("Rules", "cannot read the file: %1").arg(file.errorString()));
    const QByteArray data = file.readAll();

    if (data.trimmed().isEmpty())
        return fail(QCoreApplication::translate("Rules", "the file is empty: delete it, or write {\"version\": 1, "
                                                         "\"rules\": []} into it"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(QCoreApplication::translate("Rules", "not valid JSON at %1: %2")
                        .arg(positionOf(data, parseError.offset), parseError.errorString()));
    }
    if (!document.isObject())
        return fail(QCoreApplication::translate("Rules", "expected a JSON object like {\"version\": 1, \"rules\": "
                                                         "[...]}, got a list"));
    QJsonObject root = document.object();

    const QJsonValue version = root.value(KeyVersion);
    if (!version.isUndefined()) {
        if (!version.isDouble())
            return fail(QCoreApplication::translate("Rules", "\"version\" must be a number, got %1")
                            .arg(jsonTypeName(version)));
        const double number = version.toDouble();
        if (number > FormatVersion && std::trunc(number) == number) {
            return fail(QCoreApplication::translate("Rules", "version %1 is newer than this Pasarela understands "
                                                             "(%2): update Pasarela, or edit the file to the older "
                                                             "format")
                            .arg(QString::number(number, 'g', 15), QString::number(FormatVersion)));
        }
        if (number != FormatVersion && number != 1) {
            return fail(QCoreApplication::translate("Rules", "version %1 is not a rules file version (expected %2)")
                            .arg(QString::number(number, 'g', 15), QString::number(FormatVersion)));
        }
    }

    int maxConnections = 0;
    const QJsonValue maxValue = root.value(KeyMaxConnections);
    if (!maxValue.isUndefined()) {
        const double number = maxValue.toDouble();
        if (!maxValue.isDouble() || std::trunc(number) != number || number < 1 || number > ForwardRule::MaxConnectionsLimit) {
            const QString found = maxValue.isDouble() ? QString::number(number, 'g', 15) : jsonTypeName(maxValue);
            return fail(QCoreApplication::translate("Rules", "\"maxConnections\" (connections open at once across all "
                                                             "rules) must be a whole number from 1 to %1, got %2; "
                                                             "remove it for the default")
                            .arg(QString::number(ForwardRule::MaxConnectionsLimit), found));
        }
        maxConnections = int(number);
    }

    const QJsonValue rulesValue = root.value(KeyRules);
    if (!rulesValue.isUndefined() && !rulesValue.isArray())
        return fail(QCoreApplication::translate("Rules", "\"rules\" must be a list of rule objects, got %1")
                        .arg(jsonTypeName(rulesValue)));
    const QJsonArray items = rulesValue.toArray();

    QList<ForwardRule> rules;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString label = QCoreApplication::translate("Rules", "rule %1").arg(i + 1);
        if (!items.at(i).isObject()) {
            return fail(QCoreApplication::translate("Rules", "%1: expected a rule object {...}, got %2")
                            .arg(label, jsonTypeName(items.at(i))));
        }
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
        return Error{QCoreApplication::translate("Rules", "%1: the file is broken and was left as it is: fix it in a "
                                                          "text editor and load it again, or replace it (the broken "
                                                          "file is then kept as a backup)")
                         .arg(m_path)};
    }
    const Result<void> valid = validateRules(rules);
    if (!valid)
        return Error{QCoreApplication::translate("Rules", "%1: not saved: %2").arg(m_path, valid.error())};

    QJsonObject root = m_extra;
    root.insert(KeyVersion, FormatVersion);
    QJsonArray items;
    for (const ForwardRule &rule : rules)
        items.append(rule.toJson());
    root.insert(KeyRules, items);
    if (m_maxConnections > 0)
        root.insert(KeyMaxConnections, m_maxConnections);

    // Private: never readable by others, not even while it replaces the old file.
    return writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), OwnerOnly,
                               ParentFolder::Create);
}

Result<QString> RuleStore::saveReplacingBroken(const QList<ForwardRule> &rules)
{
    // Check first: the broken file must not be moved aside for a save that will fail anyway.
    const Result<void> valid = validateRules(rules);
    if (!valid)
        return Error{QCoreApplication::translate("Rules", "%1: not saved: %2").arg(m_path, valid.error())};

    QString backup;
    if (m_broken && QFile::exists(m_path)) {
        const Result<QString> aside = keepAside(m_path);
        if (!aside)
            return Error{QCoreApplication::translate("Rules", "%1: cannot move the broken file aside to %2: check the "
                                                              "folder's permissions")
                             .arg(m_path, aside.error())};
        backup = aside.value();
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
            return Error{QCoreApplication::translate("Rules", "%1 (the old file is kept at %2)").arg(saved.error(), backup)};
        return Error{saved.error()};
    }
    return backup;
}
