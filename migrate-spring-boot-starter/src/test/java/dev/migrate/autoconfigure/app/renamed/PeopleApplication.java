package dev.migrate.autoconfigure.app.renamed;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeopleApplication {

}
