package dev.migrate.core.changelog;

import liquibase.changelog.ChangeSet;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Liquibase's XML changelog serializer, except for the order of a changeset's first
 * elements: Liquibase 5.0 writes {@code <comment>} before {@code <preConditions>}, which
 * its own schema (and so its parser) rejects, so that every revision with a destructive
 * changeset failed to parse. Here the preconditions come first, as the schema requires.
 */
final class RevisionXmlSerializer extends XMLChangeLogSerializer {

	@Override
	public Element createNode(LiquibaseSerializable object) {
		Element node = super.createNode(object);
		if (object instanceof ChangeSet) {
			Node preconditions = child(node, "preConditions");
			if (preconditions != null) {
				node.insertBefore(preconditions, node.getFirstChild());
			}
		}
		return node;
	}

	private static Node child(Element node, String name) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (name.equals(child.getLocalName()) || name.equals(child.getNodeName())) {
				return child;
			}
		}
		return null;
	}

}
