// The rules file (RuleStore::load, ForwardRule::fromJson, validateRules).
#include <cstddef>
#include <cstdint>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "fuzzcheck.h"
#include "rules/rulestore.h"

namespace {

QJsonArray toJson(const QList<ForwardRule> &rules)
{
    QJsonArray array;
    for (const ForwardRule &rule : rules)
        array.append(rule.toJson());
    return array;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    // run.sh points TMPDIR at a RAM disk when there is one: save() syncs to disk.
    static const QTemporaryDir dir;
    FUZZ_CHECK(dir.isValid(), dir.errorString());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), file.errorString());
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }

    RuleStore store(path);
    const Result<QList<ForwardRule>> rules = store.load();
    if (!rules) {
        // A file we could not read is never overwritten.
        FUZZ_CHECK(store.isBroken() && !store.save({}), rules.error());
        FUZZ_CHECK(readAll(path) == QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), rules.error());
        return 0;
    }

    const QJsonArray loaded = toJson(rules.value());
    for (const ForwardRule &rule : rules.value()) {
        const Result<ForwardRule> again = ForwardRule::fromJson(rule.toJson());
        FUZZ_CHECK(again && again.value().toJson() == rule.toJson(), again.error());
    }
    // Saved and loaded again: the same rules, and saving once more writes the same bytes.
    const Result<void> saved = store.save(rules.value());
    FUZZ_CHECK(saved, saved.error());
    const QByteArray written = readAll(path);
    RuleStore reopened(path);
    const Result<QList<ForwardRule>> reloaded = reopened.load();
    FUZZ_CHECK(reloaded && toJson(reloaded.value()) == loaded,
               QString::fromUtf8(written) % reloaded.error());
    const Result<void> savedAgain = reopened.save(reloaded.value());
    FUZZ_CHECK(savedAgain && readAll(path) == written, QString::fromUtf8(written) % savedAgain.error());
    return 0;
}
