package dev.migrate.core.dialect.postgresql;

/**
 * The catalog queries: one per kind of object, each covering every table of the requested
 * schemas at once, so that the number of queries does not grow with the number of tables.
 * Every query takes the schema names as its first parameter and, but for
 * {@link #SCHEMAS}, the excluded table names as its second (both {@code text[]});
 * {@link #FINGERPRINT} takes only the excluded table names.
 */
final class CatalogQueries {

	/** Tables of the requested schemas, without partitions and extension members. */
	private static final String TABLES = """
			SELECT c.oid, n.nspname, c.relname
			FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ANY (?) AND NOT (c.relname = ANY (?))
			  AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
			                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
			""";

	static final String TABLE_COMMENTS = "WITH rel AS (" + TABLES + ")\n"
			+ "SELECT rel.oid, rel.nspname, rel.relname, obj_description(rel.oid, 'pg_class') FROM rel";

	static final String COLUMNS = "WITH rel AS (" + TABLES + ")\n" + """
			SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
			       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,
			       pg_catalog.col_description(a.attrelid, a.attnum),
			       CASE WHEN t.typtype IN ('e', 'c', 'd') THEN tn.nspname END,
			       CASE WHEN t.typtype IN ('e', 'c', 'd') THEN t.typname END,
			       CASE WHEN et.typtype IN ('e', 'c', 'd') THEN etn.nspname END,
			       CASE WHEN et.typtype IN ('e', 'c', 'd') THEN et.typname END,
			       a.attnum
			FROM rel
			JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
			JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
			JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
			LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
			LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
			LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			""";

	static final String CONSTRAINTS = "WITH rel AS (" + TABLES + ")\n" + """
			SELECT co.conrelid, co.conname, co.contype,
			       ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.num
			             ORDER BY k.ord),
			       fn.nspname, fc.relname,
			       ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num
			             ORDER BY k.ord),
			       co.confdeltype, co.confupdtype,
			       CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_expr(co.conbin, co.conrelid) END
			FROM rel
			JOIN pg_catalog.pg_constraint co ON co.conrelid = rel.oid AND co.contype IN ('p', 'u', 'f', 'c')
			LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
			LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
			""";

	/**
	 * Indexes that do not back a primary key, unique or exclusion constraint. The key
	 * columns come from {@code unnest ... WITH ORDINALITY}, which the planner costs at
	 * the array's size: {@code generate_series} is costed at 1,000 rows per index, which
	 * on a large schema crosses {@code jit_above_cost} and makes servers with JIT spend
	 * hundreds of milliseconds compiling this query.
	 */
	static final String INDEXES = "WITH rel AS (" + TABLES + ")\n" + """
			SELECT i.indrelid, ic.relname, i.indisunique,
			       ARRAY(SELECT CASE WHEN k.attnum <> 0
			                         THEN (SELECT a.attname FROM pg_catalog.pg_attribute a
			                               WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum)
			                         ELSE pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END
			             FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
			             WHERE k.ord <= i.indnkeyatts ORDER BY k.ord),
			       ARRAY(SELECT (o.flags & 1) = 1 FROM unnest(i.indoption::int2[]) WITH ORDINALITY o(flags, ord)
			             WHERE o.ord <= i.indnkeyatts ORDER BY o.ord),
			       pg_catalog.pg_get_expr(i.indpred, i.indrelid),
			       ARRAY(SELECT k.attnum = 0 FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
			             WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)
			FROM rel
			JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
			JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
			WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
			                  WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
			""";

	/** Sequences, without those owned by identity columns or extensions. */
	static final String SEQUENCES = """
			SELECT n.nspname, c.relname, s.seqstart, s.seqincrement
			FROM pg_catalog.pg_sequence s
			JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ANY (?) AND NOT (c.relname = ANY (?))
			  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
			                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
			                    AND d.deptype IN ('i', 'e'))
			""";

	static final String ENUM_TYPES = """
			SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
			FROM pg_catalog.pg_type t
			JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
			JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
			WHERE n.nspname = ANY (?) AND NOT (t.typname = ANY (?))
			  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
			                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
			GROUP BY n.nspname, t.typname
			""";

	/** Which of the requested schemas exist (takes only the schema names). */
	static final String SCHEMAS = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)";

	/**
	 * A digest of every schema and of the definition of every table, column, constraint,
	 * index, sequence and enum type in them (system schemas left out), computed by the
	 * server from its own text of each definition, with what the reader filters on:
	 * partitions, and membership of an extension or ownership by a column. Takes only the
	 * excluded table names. Each line is hashed, so no text can run into the next line.
	 */
	static final String FINGERPRINT = """
			WITH ns AS (
			  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
			  WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			), rel AS (
			  SELECT c.oid, ns.nspname || '.' || c.relname AS name, c.relkind, c.relispartition,
			         pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
			  FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
			  WHERE c.relkind IN ('r', 'p', 'S', 'v', 'm') AND c.relname <> ALL (?)
			), dep AS (
			  SELECT d.classid, d.objid,
			         string_agg(d.deptype::text || ' ' || pg_catalog.pg_describe_object(d.refclassid, d.refobjid,
			           d.refobjsubid), ', ' ORDER BY d.deptype, d.refobjid, d.refobjsubid) AS deps
			  FROM pg_catalog.pg_depend d
			  WHERE d.deptype IN ('e', 'a', 'i')
			    AND d.classid IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass)
			  GROUP BY d.classid, d.objid
			), item AS (
			  SELECT 'n ' || ns.nspname AS line FROM ns
			  UNION ALL
			  SELECT 'r ' || rel.name || ' ' || rel.relkind::text || ' ' || rel.relispartition::text || ' '
			         || coalesce(rel.bound, '') || ' ' || coalesce(dep.deps, '') || ' '
			         || coalesce(obj_description(rel.oid, 'pg_class'), '')
			  FROM rel
			  LEFT JOIN dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = rel.oid
			  UNION ALL
			  SELECT 'c ' || rel.name || ' ' || a.attnum || ' ' || a.attname || ' '
			         || pg_catalog.format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || ' '
			         || a.attidentity::text || a.attgenerated::text || ' ' || a.attcollation || ' '
			         || coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') || ' '
			         || coalesce(col_description(a.attrelid, a.attnum), '')
			  FROM rel
			  JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
			  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			  UNION ALL
			  SELECT 'k ' || rel.name || ' ' || co.conname || ' ' || pg_catalog.pg_get_constraintdef(co.oid)
			  FROM rel JOIN pg_catalog.pg_constraint co ON co.conrelid = rel.oid
			  UNION ALL
			  SELECT 'i ' || pg_catalog.pg_get_indexdef(i.indexrelid) || ' ' || i.indisvalid::text
			  FROM rel JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
			  UNION ALL
			  SELECT 's ' || rel.name || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmin || ' '
			         || s.seqmax || ' ' || s.seqcache || ' ' || s.seqcycle::text
			  FROM rel JOIN pg_catalog.pg_sequence s ON s.seqrelid = rel.oid
			  UNION ALL
			  SELECT 'e ' || ns.nspname || '.' || t.typname || ' ' || e.enumsortorder || ' ' || e.enumlabel || ' '
			         || coalesce(dep.deps, '')
			  FROM pg_catalog.pg_enum e
			  JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
			  JOIN ns ON ns.oid = t.typnamespace
			  LEFT JOIN dep ON dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = t.oid
			)
			SELECT md5(coalesce(string_agg(md5(line), '' ORDER BY line), '')) FROM item""";

	private CatalogQueries() {
	}

}
