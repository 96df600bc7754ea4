// Listen addresses, targets, IP literals, host names and CIDRs (app/core/rules/address.h).
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "rules/address.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    // What the rule editor shows (toString) must read back as the same endpoint.
    if (const Result<Endpoint> listen = parseListen(text)) {
        const QString shown = listen.value().toString();
        const Result<Endpoint> again = parseListen(shown);
        FUZZ_CHECK(again && again.value() == listen.value(), shown % u" -> " % again.error());
    }
    if (const Result<Endpoint> target = parseTarget(text)) {
        const QString shown = target.value().toString();
        const Result<Endpoint> again = parseTarget(shown);
        FUZZ_CHECK(again && again.value() == target.value(), shown % u" -> " % again.error());
    }
    if (const Result<QHostAddress> address = parseIpAddress(text)) {
        const QString shown = address.value().toString();
        const Result<QHostAddress> again = parseIpAddress(shown);
        FUZZ_CHECK(again && again.value() == address.value(), shown % u" -> " % again.error());
    }
    if (isValidHostName(text)) {
        const Result<Endpoint> target = parseTarget(text % u":80");
        FUZZ_CHECK(target && target.value().host == text, text % u" -> " % target.error());
    }
    if (const Result<Cidr> cidr = parseCidr(text)) {
        const Cidr &network = cidr.value();
        const QString shown = network.toString();
        const Result<Cidr> again = parseCidr(shown);
        FUZZ_CHECK(again && again.value().network == network.network && again.value().prefixLength == network.prefixLength,
                   shown % u" -> " % again.error());
        FUZZ_CHECK(network.contains(network.network), shown);
    }
    return 0;
}
