package dev.migrate.autoconfigure.app.annotated;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeopleApplication {

}
