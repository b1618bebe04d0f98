package dev.doppel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.db.ExistingColumn.Family;
import dev.doppel.error.UsageException;
import dev.doppel.schema.ColumnKind;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading --to and --table, where credentials come from, and the type rules for existing tables. */
class DatabaseTargetTest {
    @Test
    void readsSqliteAndPostgresUrls() {
        DatabaseTarget lite = DatabaseTarget.parse("sqlite:output/test.db", "customers", null);
        assertThat(lite.engine()).isEqualTo(Engine.SQLITE);
        assertThat(lite.url()).isEqualTo("jdbc:sqlite:output/test.db");
        assertThat(lite.ifExists()).isEqualTo(IfExists.APPEND);
        assertThat(DatabaseTarget.parse("jdbc:sqlite:x.db", "t", IfExists.FAIL).url()).isEqualTo("jdbc:sqlite:x.db");

        DatabaseTarget pg = DatabaseTarget.parse("jdbc:postgresql://db:5432/shop?user=loader&ssl=true", "crm.customers",
                IfExists.REPLACE);
        assertThat(pg.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(pg.shown()).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(pg.table()).isEqualTo(new TableName("crm", "customers"));
        assertThat(pg.table().sql(Engine.POSTGRESQL)).isEqualTo("\"crm\".\"customers\"");
        assertThat(new TableName(null, "we\"ird").sql(Engine.SQLITE)).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void refusesPasswordsOnTheCommandLineAndOtherUrls() {
        assertThatThrownBy(() -> DatabaseTarget.parse("jdbc:postgresql://db/shop?user=a&Password=s3cret", "t", null))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseTarget.parse("mysql://db/shop", "t", null))
                .isInstanceOf(UsageException.class).hasMessageContaining("jdbc:postgresql");
        assertThatThrownBy(() -> DatabaseTarget.parse("sqlite:", "t", null)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> DatabaseTarget.parse("sqlite:a.db", " ", null))
                .isInstanceOf(UsageException.class).hasMessageContaining("--table");
    }

    @Test
    void theLoginComesFromTheUrlOrPguserAndPgpassword() {
        DatabaseTarget noUser = DatabaseTarget.parse("jdbc:postgresql://db/shop", "t", null);
        Properties p = noUser.postgresProperties(Map.of("PGUSER", "loader", "PGPASSWORD", "pw"));
        assertThat(p.getProperty("user")).isEqualTo("loader");
        assertThat(p.getProperty("password")).isEqualTo("pw");
        DatabaseTarget withUser = DatabaseTarget.parse("jdbc:postgresql://db/shop?user=owner", "t", null);
        assertThat(withUser.postgresProperties(Map.of("PGUSER", "loader")).getProperty("user")).isNull(); // the URL's
        assertThat(noUser.postgresProperties(Map.of()).getProperty("password")).isNull(); // left to .pgpass
    }

    @Test
    void existingColumnTypesAreCheckedAgainstTheModelsValues() {
        SqlColumn tenure = new SqlColumn("tenure", ColumnKind.INTEGER, SqlType.INTEGER, 0, 0, 0, 0, 72, false, 0);
        SqlColumn big = new SqlColumn("n", ColumnKind.INTEGER, SqlType.BIGINT, 0, 0, 0, 0, 5e9, false, 0);
        SqlColumn money = new SqlColumn("fee", ColumnKind.DECIMAL, SqlType.NUMERIC, 0, 18, 2, 18.25, 8684.8, true, 0.1);
        SqlColumn label = new SqlColumn("plan", ColumnKind.CATEGORICAL, SqlType.VARCHAR, 7, 0, 0, Double.NaN,
                Double.NaN, false, 0);
        Engine pg = Engine.POSTGRESQL;
        assertThat(TableFit.typeProblem(tenure, column("int2", Family.SMALLINT, 0, 0, 0), pg)).isNull();
        assertThat(TableFit.typeProblem(big, column("int4", Family.INTEGER, 0, 0, 0), pg)).contains("too small");
        assertThat(TableFit.typeProblem(big, column("int8", Family.BIGINT, 0, 0, 0), pg)).isNull();
        assertThat(TableFit.typeProblem(money, column("numeric", Family.NUMERIC, 0, 5, 2), pg))
                .contains("holds 3 digits before the point, the model's values need 4");
        assertThat(TableFit.typeProblem(money, column("numeric", Family.NUMERIC, 0, 10, 1), pg))
                .contains("keeps 1 digits after the point");
        assertThat(TableFit.typeProblem(money, column("numeric", Family.NUMERIC, 0, 0, 0), pg)).isNull();
        assertThat(TableFit.typeProblem(money, column("text", Family.TEXT, 0, 0, 0), pg)).contains("not a decimal");
        assertThat(TableFit.typeProblem(label, column("varchar", Family.VARCHAR, 6, 0, 0), pg)).contains("too short");
        assertThat(TableFit.typeProblem(label, column("varchar", Family.VARCHAR, 7, 0, 0), pg)).isNull();
        assertThat(TableFit.typeProblem(label, column("int4", Family.INTEGER, 0, 0, 0), pg)).contains("not a text");

        TableDesign design = new TableDesign(List.of(tenure, money, label));
        TableFit fit = TableFit.check(design, List.of(
                new ExistingColumn("TENURE", Family.INTEGER, "int4", 0, 0, 0, true, false),
                new ExistingColumn("fee", Family.NUMERIC, "numeric", 0, 12, 2, true, false),
                new ExistingColumn("id", Family.BIGINT, "int8", 0, 0, 0, true, true)), pg);
        assertThat(fit.targetNames()).containsExactly("TENURE", "fee", null); // case-insensitive when unambiguous
        assertThat(fit.problems()).containsExactly(
                "\"fee\" is NOT NULL, but the model leaves 10.0% of its cells empty",
                "\"plan\" is missing (the model writes VARCHAR(7))");
    }

    private static ExistingColumn column(String type, Family family, int length, int precision, int scale) {
        return new ExistingColumn("c", family, type, length, precision, scale, false, false);
    }

    @Test
    void sqliteDeclaredTypesFollowItsAffinityRules() {
        assertThat(Family.ofSqlite("VARCHAR(10)")).isEqualTo(Family.VARCHAR);
        assertThat(Family.ofSqlite("BIGINT")).isEqualTo(Family.BIGINT);
        assertThat(Family.ofSqlite("DOUBLE PRECISION")).isEqualTo(Family.DOUBLE);
        assertThat(Family.ofSqlite("TIMESTAMP")).isEqualTo(Family.TIMESTAMP);
        assertThat(Family.ofSqlite("DATE")).isEqualTo(Family.DATE);
        assertThat(Family.ofSqlite("")).isEqualTo(Family.TEXT);
    }
}
