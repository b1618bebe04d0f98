package dev.doppel.mask.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HmacSha256Test {
    @ParameterizedTest(name = "key of {0} bytes")
    @ValueSource(ints = {16, 32, 64, 65, 100})
    void agreesWithTheJdkMac(int keyLength) throws Exception {
        SplittableRandom rng = new SplittableRandom(keyLength);
        byte[] key = new byte[keyLength];
        rng.nextBytes(key);
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(key, "HmacSHA256"));
        HmacSha256 ours = HmacSha256.of(key);
        for (int length : new int[] {0, 1, 55, 56, 64, 200}) {
            byte[] message = new byte[length];
            rng.nextBytes(message);
            assertThat(ours.mac(message)).isEqualTo(jdk.doFinal(message));
            assertThat(ours.copy().mac(message)).isEqualTo(jdk.doFinal(message));
        }
    }
}
