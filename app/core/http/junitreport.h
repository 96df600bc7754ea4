#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "collectionrunner.h"

// A run as JUnit XML, which CI systems (GitLab, Jenkins, GitHub actions) show as
// tests: <testsuites> with one <testsuite> per collection, a <testcase> per request,
// a <failure> per request whose assertions failed (one line per failed assertion),
// an <error> per request that got no response, and each assertion's result in
// <system-out>. Times in seconds.
struct JUnitSuite
{
    QString name;                    // the collection's
    QDateTime startedAt;             // UTC
    double elapsedMs = 0;
    QList<RequestOutcome> outcomes;
    QStringList notRun;              // names of the requests a canceled run did not reach: skipped
};

QByteArray junitXml(const QList<JUnitSuite> &suites);
