// "Paste curl command" (CurlCommand::toRequest) and the shell quoting behind
// "Copy as curl" (app/core/http/curlcommand.h, shellwords.h).
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "http/curlcommand.h"
#include "http/shellwords.h"

namespace {

// HTTP ignores whitespace before a header value (RFC 9110 5.5); -H strips it, -A keeps it.
QString withoutLeadingSpace(const QString &value)
{
    const auto first = std::find_if(value.cbegin(), value.cend(), [](QChar c) { return c != u' ' && c != u'\t'; });
    return value.mid(first - value.cbegin());
}

// Header fields in a canonical order: the order of different names means nothing to
// HTTP (RFC 9110 5.3), the order of one name's lines does.
HttpHeaders canonical(HttpHeaders headers)
{
    std::stable_sort(headers.begin(), headers.end(), [](const HttpHeader &a, const HttpHeader &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    for (HttpHeader &header : headers)
        header.value = withoutLeadingSpace(header.value);
    return headers;
}

// Equal as far as the server can tell.
bool sameOnTheWire(const HttpRequest &a, const HttpRequest &b)
{
    return canonical(a.effectiveHeaders()) == canonical(b.effectiveHeaders()) && a.method == b.method && a.url == b.url
           && a.body == b.body && a.timeoutMs == b.timeoutMs && a.verifyTls == b.verifyTls
           && a.followRedirects == b.followRedirects;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Any bytes, quoted for the shell, split back into the same one word.
    const QString quoted = ShellWords::quote(bytes);
    const Result<QByteArrayList> words = ShellWords::split(QStringLiteral("curl ") % quoted);
    FUZZ_CHECK(words && words.value() == QByteArrayList({"curl", bytes}), quoted % u" -> " % words.error());

    QStringList notes;
    const Result<HttpRequest> request = CurlCommand::toRequest(QString::fromUtf8(bytes), &notes);
    if (!request)
        return 0;
    // Copy as curl, paste again: the same request. Once copied, the command is stable.
    const QString exported = CurlCommand::fromRequest(request.value());
    const Result<HttpRequest> again = CurlCommand::toRequest(exported);
    FUZZ_CHECK(again, exported % u" -> " % again.error());
    const QString exportedAgain = CurlCommand::fromRequest(again.value());
    FUZZ_CHECK(sameOnTheWire(request.value(), again.value()), exported % u" -> " % exportedAgain);
    const Result<HttpRequest> third = CurlCommand::toRequest(exportedAgain);
    FUZZ_CHECK(third && CurlCommand::fromRequest(third.value()) == exportedAgain, exportedAgain % u" -> " % third.error());
    return 0;
}
