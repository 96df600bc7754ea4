#pragma once

#include <QChar>
#include <QString>
#include <QTest>

#include "relay/enginesnapshot.h"
#include "testsocket.h"

// Enums without Q_ENUM: compare (and print) their names.
#define COMPARE_NAMED(actual, expected) QCOMPARE(toString(actual), toString(expected))

// A Result that must be ok: evaluated once; on failure the test fails with the Result's error.
#define QVERIFY_RESULT(expression)                                                                             \
    do {                                                                                                       \
        const auto &checkedResult_ = (expression);                                                             \
        if (!checkedResult_.ok())                                                                              \
            QFAIL(qPrintable(QStringLiteral(#expression ": ") + checkedResult_.error()));                      \
    } while (false)

// The peer ended the connection (FIN or RST), as opposed to a timeout or an error.
#define VERIFY_CLOSED_BY_PEER(result)                                                                          \
    QVERIFY2((result).end == TestSupport::RecvEnd::Eof || (result).end == TestSupport::RecvEnd::Reset,         \
             TestSupport::toString((result).end))

namespace TestSupport {

// The letter after a single '&' of a label or button text, lower-cased; null when none.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) != u'&')
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

} // namespace TestSupport
