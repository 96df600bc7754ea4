#pragma once

#include <QJsonValue>
#include <QString>

// How assertions quote what they expect and what they found, shared by their JSON
// form (assertions.cpp) and their evaluation (assertionevaluation.cpp). Internal to
// app/core/http.
namespace AssertionText {

// At most 80 characters, an ellipsis after a cut.
QString shortened(const QString &text);
// "text", shortened.
QString quoted(const QString &text);
// A JSON value as compact JSON: 7, "api", {"id":7}.
QString compactJson(const QJsonValue &value);
// /pattern/
QString pattern(const QJsonValue &expected);
// "1xx".."5xx", either case.
bool isStatusClass(const QString &text);

} // namespace AssertionText
