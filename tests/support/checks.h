#pragma once

#include <QTest>

#include "stats/connectioninfo.h"
#include "testsocket.h"

// Enums without Q_ENUM: compare (and print) their names.
#define COMPARE_NAMED(actual, expected) QCOMPARE(toString(actual), toString(expected))

// The peer ended the connection (FIN or RST), as opposed to a timeout or an error.
#define VERIFY_CLOSED_BY_PEER(result)                                                                          \
    QVERIFY2((result).end == TestSupport::RecvEnd::Eof || (result).end == TestSupport::RecvEnd::Reset,         \
             TestSupport::toString((result).end))
