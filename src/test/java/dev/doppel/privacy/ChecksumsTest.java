package dev.doppel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** IBAN mod-97 and Luhn: valid numbers pass, a changed digit fails. */
class ChecksumsTest {

    /** Check digits computed independently of the code under test, with BigInteger arithmetic. */
    private static String ibanWithCheckDigits(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.digit(c, 36));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    @Test
    void germanAndBritishIbansWithComputedCheckDigitsPass() {
        // check digits worked out by hand for made-up bank codes and accounts
        assertThat(Checksums.isIban("DE13430609671234567890")).isTrue();
        assertThat(Checksums.isIban("GB50DOPP40512312345678")).isTrue();
        assertThat(ibanWithCheckDigits("DE", "430609671234567890")).isEqualTo("DE13430609671234567890");
        assertThat(ibanWithCheckDigits("GB", "DOPP40512312345678")).isEqualTo("GB50DOPP40512312345678");
    }

    @Test
    void ibansArePrintedInGroupsOfFourAndInAnyCase() {
        assertThat(Checksums.isIban("DE13 4306 0967 1234 5678 90")).isTrue();
        assertThat(Checksums.isIban("gb50dopp40512312345678")).isTrue();
    }

    @Test
    void aCorruptedIbanFailsItsCheck() {
        assertThat(Checksums.isIban("DE13430609671234567891")).as("last digit changed").isFalse();
        assertThat(Checksums.isIban("DE31430609671234567890")).as("check digits swapped").isFalse();
        assertThat(Checksums.isIban("GB50DOPP40512312345687")).as("two digits swapped").isFalse();
    }

    @Test
    void everySingleDigitChangeOfRandomIbansIsCaught() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            StringBuilder bban = new StringBuilder();
            for (int i = 0; i < 18; i++) {
                bban.append(random.nextInt(10));
            }
            String iban = ibanWithCheckDigits("DE", bban.toString());
            assertThat(Checksums.isIban(iban)).as("valid").isTrue();
            int at = 4 + random.nextInt(18);
            char changed = (char) ('0' + (iban.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
            String corrupted = iban.substring(0, at) + changed + iban.substring(at + 1);
            assertThat(Checksums.isIban(corrupted)).as("one digit changed").isFalse();
        }
    }

    @Test
    void textThatIsNotShapedLikeAnIbanFails() {
        assertThat(Checksums.isIban("DE13")).isFalse();
        assertThat(Checksums.isIban("1234567890123456")).isFalse();
        assertThat(Checksums.isIban("")).isFalse();
    }

    @Test
    void cardNumbersPassTheLuhnCheckAndAChangedDigitFails() {
        assertThat(Checksums.isCardNumber("4111111111111111")).isTrue();
        assertThat(Checksums.isCardNumber("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.isCardNumber("5500-0000-0000-0004")).isTrue();
        assertThat(Checksums.isCardNumber("378282246310005")).as("15 digits").isTrue();
        assertThat(Checksums.isCardNumber("4111111111111112")).isFalse();
        assertThat(Checksums.isCardNumber("378282246310006")).isFalse();
    }

    @Test
    void luhnNeedsTwelveToNineteenDigits() {
        assertThat(Checksums.luhn("79927398713")).as("the check itself").isTrue();
        assertThat(Checksums.isCardNumber("79927398713")).as("too short for a card").isFalse();
        assertThat(Checksums.isCardNumber("4111-1111-1111-111x")).isFalse();
    }

    @Test
    void computedCheckDigitsMakeValidIbansAndCardNumbers() {
        assertThat(Checksums.ibanCheckDigits("DE", "430609671234567890")).isEqualTo("13");
        assertThat(Checksums.ibanCheckDigits("GB", "DOPP40512312345678")).isEqualTo("50");
        assertThat(Checksums.luhnCheckDigit("411111111111111")).isEqualTo('1');
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder payload = new StringBuilder();
            int length = 11 + rnd.nextInt(8);
            for (int i = 0; i < length; i++) {
                payload.append((char) ('0' + rnd.nextInt(10)));
            }
            String bban = payload.toString();
            assertThat(Checksums.isIban("DE" + Checksums.ibanCheckDigits("DE", bban) + bban)).isTrue();
            assertThat(ibanWithCheckDigits("DE", bban)).isEqualTo("DE" + Checksums.ibanCheckDigits("DE", bban) + bban);
            assertThat(Checksums.isCardNumber(bban + Checksums.luhnCheckDigit(bban))).as("length %d", length + 1).isTrue();
        }
    }
}
