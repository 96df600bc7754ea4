#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "httpmessage.h"
#include "result.h"

// One check of a response, as a collection's request carries it. JSON (one per object,
// in the request's "assertions" list):
//   {"status": 200}                             status equals
//   {"status": "2xx"}                           status in a class (1xx..5xx)
//   {"header": "Content-Type", "exists": true}  present ("exists": false: absent)
//   {"header": "X-Env", "equals": "dev"}        value equals (case-sensitive)
//   {"header": "Content-Type", "matches": "^application/json"}   a regular expression found in the value
//   {"json": "$.items[0].id", "equals": 7}      the body's value equals (any JSON value)
//   {"json": "$.count", "exists": true}
//   {"json": "$.service", "matches": "^api$"}   strings as their text, other values as JSON
//   {"timeUnderMs": 500}                        response time (send to last byte) below
struct Assertion
{
    enum class Subject { Status, Header, Json, Time };
    enum class Check { Equals, InClass, Exists, Absent, Matches, Below };

    Subject subject = Subject::Status;
    QString target;          // Header: the name; Json: the path ("$.items[0].id")
    Check check = Check::Equals;
    // Equals: the status (number), the header's text, any JSON value; InClass: "2xx";
    // Matches: the pattern; Below: milliseconds. Unused by Exists and Absent.
    QJsonValue expected;

    friend bool operator==(const Assertion &a, const Assertion &b)
    {
        return a.subject == b.subject && a.target == b.target && a.check == b.check && a.expected == b.expected;
    }
};

// Reads one assertion; the error says what is wrong and how it should look.
Result<Assertion> assertionFromJson(const QJsonValue &value);
QJsonObject assertionToJson(const Assertion &assertion);
// What assertionFromJson checks, for assertions built in code (an editor): the subject
// and check go together, the pattern compiles, the path parses, the class is 1xx..5xx.
Result<void> validateAssertion(const Assertion &assertion);
// What it checks, for lists and reports: "status is 200", "header Content-Type matches
// /^application\/json/", "$.count exists", "time under 500 ms".
QString describe(const Assertion &assertion);

struct AssertionResult
{
    bool passed = false;
    QString description;  // describe()
    // Failed: what was found against what was expected, "status 404, expected 200",
    // "$.items[0].id: expected 7, got 8". Passed: the description.
    QString message;
};

// Each assertion against the response, in order (the body is parsed once). The values of
// secret headers (isSecretHeader) are not quoted in messages.
QList<AssertionResult> evaluate(const QList<Assertion> &assertions, const HttpResponse &response);
AssertionResult evaluate(const Assertion &assertion, const HttpResponse &response);
