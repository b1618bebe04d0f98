package dev.doppel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The single-value syntax checks: e-mail, phone layouts, IPv4/IPv6, URLs, postcodes. */
class ValueChecksTest {

    @Test
    void emailAddressesNeedALocalPartAnAtAndADomainWithATopLevel() {
        assertThat(ValueChecks.isEmail("anna.schmidt@example.de")).isTrue();
        assertThat(ValueChecks.isEmail("o'brien+news@mail.example.co.uk")).isTrue();
        assertThat(ValueChecks.isEmail("anna@example")).as("no top level").isFalse();
        assertThat(ValueChecks.isEmail("anna.example.com")).as("no at").isFalse();
        assertThat(ValueChecks.isEmail("anna@@example.com")).isFalse();
        assertThat(ValueChecks.isEmail(".anna@example.com")).as("leading dot").isFalse();
        assertThat(ValueChecks.isEmail("an na@example.com")).as("space").isFalse();
        assertThat(ValueChecks.isEmail("anna@-example.com")).isFalse();
    }

    @Test
    void phoneNumbersInTheirCommonLayoutsPass() {
        assertThat(ValueChecks.isPhone("+49 30 12345678")).isTrue();
        assertThat(ValueChecks.isPhone("+49 (0)30 1234-5678")).isTrue();
        assertThat(ValueChecks.isPhone("0049 89 123456")).isTrue();
        assertThat(ValueChecks.isPhone("030/1234567")).isTrue();
        assertThat(ValueChecks.isPhone("001-555-123-4567")).isTrue();
        assertThat(ValueChecks.isPhone("+1-555-123-4567x890")).isTrue();
        assertThat(ValueChecks.isPhone("(555)123-4567x12345")).isTrue();
        assertThat(ValueChecks.isPhone("555.123.4567")).isTrue();
        assertThat(ValueChecks.isPhone("555-123-4567 ext. 12")).isTrue();
        assertThat(ValueChecks.isPhone("5551234567")).as("bare digits").isTrue();
    }

    @Test
    void datesShortNumbersAndWordsAreNotPhoneNumbers() {
        assertThat(ValueChecks.isPhone("2020-08-26")).isFalse();
        assertThat(ValueChecks.isPhone("26.08.2020")).isFalse();
        assertThat(ValueChecks.isPhone("12-345")).as("too few digits").isFalse();
        assertThat(ValueChecks.isPhone("12.5")).isFalse();
        assertThat(ValueChecks.isPhone("call me")).isFalse();
        assertThat(ValueChecks.isPhone("555--123-4567")).as("doubled separator").isFalse();
        assertThat(ValueChecks.isPhone("12345678901234567890123")).as("too many digits").isFalse();
    }

    @Test
    void onlyPhoneNumbersWithALayoutCountAsFormatted() {
        assertThat(ValueChecks.isFormattedPhone("555.123.4567")).isTrue();
        assertThat(ValueChecks.isFormattedPhone("5551234567")).isFalse();
    }

    @Test
    void ipv4AddressesHaveFourOctetsUpTo255() {
        assertThat(ValueChecks.isIpv4("192.168.0.1")).isTrue();
        assertThat(ValueChecks.isIpv4("0.0.0.0")).isTrue();
        assertThat(ValueChecks.isIpv4("255.255.255.255")).isTrue();
        assertThat(ValueChecks.isIpv4("256.1.1.1")).isFalse();
        assertThat(ValueChecks.isIpv4("1.2.3")).isFalse();
        assertThat(ValueChecks.isIpv4("01.2.3.4")).as("leading zero").isFalse();
        assertThat(ValueChecks.isIpv4("1.2.3.4.5")).isFalse();
    }

    @Test
    void ipv6AddressesHaveEightGroupsOrOneDoubleColon() {
        assertThat(ValueChecks.isIpv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334")).isTrue();
        assertThat(ValueChecks.isIpv6("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(ValueChecks.isIpv6("::1")).isTrue();
        assertThat(ValueChecks.isIpv6("::")).isTrue();
        assertThat(ValueChecks.isIpv6("fe80::")).isTrue();
        assertThat(ValueChecks.isIpv6("::ffff:192.0.2.128")).isTrue();
        assertThat(ValueChecks.isIpv6("2001:db8::1::2")).as("two double colons").isFalse();
        assertThat(ValueChecks.isIpv6("2001:db8:1:2:3:4:5")).as("seven groups").isFalse();
        assertThat(ValueChecks.isIpv6("2001:db8:1:2:3:4:5:6:7")).as("nine groups").isFalse();
        assertThat(ValueChecks.isIpv6("12345::1")).as("five hex digits").isFalse();
        assertThat(ValueChecks.isIpv6("12:30")).as("a time").isFalse();
        assertThat(ValueChecks.isIpv6("g::1")).isFalse();
    }

    @Test
    void urlsStartWithASchemeOrWww() {
        assertThat(ValueChecks.isUrl("https://tyler-pugh.example/")).isTrue();
        assertThat(ValueChecks.isUrl("http://www.example.org/path?q=1")).isTrue();
        assertThat(ValueChecks.isUrl("www.example.de")).isTrue();
        assertThat(ValueChecks.isUrl("example.de")).as("no scheme or www").isFalse();
        assertThat(ValueChecks.isUrl("anna@example.de")).isFalse();
    }

    @Test
    void postcodesAreGermanUsOrBritish() {
        assertThat(ValueChecks.isPostcode("10115")).isTrue();
        assertThat(ValueChecks.isPostcode("01067")).isTrue();
        assertThat(ValueChecks.isPostcode("90210-1234")).isTrue();
        assertThat(ValueChecks.isPostcode("SW1A 1AA")).isTrue();
        assertThat(ValueChecks.isPostcode("m1 1ae")).isTrue();
        assertThat(ValueChecks.isPostcode("1011")).isFalse();
        assertThat(ValueChecks.isPostcode("Berlin")).isFalse();
    }
}
