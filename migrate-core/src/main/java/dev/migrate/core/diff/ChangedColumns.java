package dev.migrate.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Index;

/**
 * The columns of its table that a change creates, drops, alters or depends on: e.g. what
 * must wait while a column it names may be a rename.
 */
final class ChangedColumns {

	/** An identifier in an expression, plain or double-quoted. */
	private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\p{N}_$]*)");

	private ChangedColumns() {
	}

	/**
	 * Return the columns a change involves; the identifiers of its expression for a check
	 * or an expression index, which may include more than columns.
	 * @param change the change
	 * @return the column names
	 */
	static List<String> of(TableChange change) {
		if (change instanceof TableChange.CreateTable create) {
			return create.definition().columns().stream().map(Column::name).toList();
		}
		if (change instanceof TableChange.DropTable drop) {
			return drop.definition().columns().stream().map(Column::name).toList();
		}
		if (change instanceof TableChange.AddColumn add) {
			return List.of(add.column().name());
		}
		if (change instanceof TableChange.DropColumn drop) {
			return List.of(drop.column().name());
		}
		if (change instanceof TableChange.RenameColumn rename) {
			return List.of(rename.from(), rename.to());
		}
		if (change instanceof TableChange.AlterColumnType alter) {
			return List.of(alter.column());
		}
		if (change instanceof TableChange.AlterNullability alter) {
			return List.of(alter.column());
		}
		if (change instanceof TableChange.AlterDefault alter) {
			return List.of(alter.column());
		}
		if (change instanceof TableChange.AlterIdentity alter) {
			return List.of(alter.column());
		}
		if (change instanceof TableChange.ColumnComment comment) {
			return List.of(comment.column());
		}
		if (change instanceof ConstraintChange constraint) {
			return ofConstraint(constraint);
		}
		return List.of();
	}

	private static List<String> ofConstraint(ConstraintChange change) {
		if (change instanceof ConstraintChange.AddPrimaryKey add) {
			return add.key().columns();
		}
		if (change instanceof ConstraintChange.DropPrimaryKey drop) {
			return drop.key().columns();
		}
		if (change instanceof ConstraintChange.AddUnique add) {
			return add.constraint().columns();
		}
		if (change instanceof ConstraintChange.DropUnique drop) {
			return drop.constraint().columns();
		}
		if (change instanceof ConstraintChange.CreateIndex create) {
			return ofIndex(create.index());
		}
		if (change instanceof ConstraintChange.DropIndex drop) {
			return ofIndex(drop.index());
		}
		if (change instanceof ConstraintChange.ReplaceIndex replace) {
			List<String> columns = new ArrayList<>(ofIndex(replace.from()));
			columns.addAll(ofIndex(replace.to()));
			return columns;
		}
		if (change instanceof ConstraintChange.AddCheck add) {
			return identifiers(add.check().expression());
		}
		if (change instanceof ConstraintChange.DropCheck drop) {
			return identifiers(drop.check().expression());
		}
		if (change instanceof ConstraintChange.AddForeignKey add) {
			return add.foreignKey().columns();
		}
		if (change instanceof ConstraintChange.DropForeignKey drop) {
			return drop.foreignKey().columns();
		}
		return List.of();
	}

	private static List<String> ofIndex(Index index) {
		List<String> columns = new ArrayList<>();
		index.keys().forEach((key) -> columns.addAll(identifiers(key.expression())));
		if (index.predicate() != null) {
			columns.addAll(identifiers(index.predicate()));
		}
		return columns;
	}

	private static List<String> identifiers(String expression) {
		List<String> identifiers = new ArrayList<>();
		Matcher matcher = IDENTIFIER.matcher(expression);
		while (matcher.find()) {
			identifiers.add((matcher.group(1) != null) ? matcher.group(1).replace("\"\"", "\"") : matcher.group(2));
		}
		return identifiers;
	}

}
