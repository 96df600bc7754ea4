#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "jsontree.h"
#include "result.h"

// The small part of JSONPath that assertions use: one value, found by member names
// and array positions from the root.
//   $.items[0].id   $["a key"][-1]   $   and jq's form as the window copies it: .items[0].id
// No wildcards, slices or filters.
class JsonPath
{
public:
    struct Step
    {
        QString key;        // a member name, when !isIndex
        int index = 0;      // an array position; negative counts from the end
        bool isIndex = false;
    };

    // The error says what is wrong and where: "$.a[x]: position 4: expected a number or a quoted name".
    static Result<JsonPath> parse(const QString &text);

    const QString &text() const { return m_text; }
    const QList<Step> &steps() const { return m_steps; }

    // The node the path leads to in tree, or nullopt.
    std::optional<int> find(const JsonTree &tree) const;

private:
    QString m_text;
    QList<Step> m_steps;
};
