package dev.migrate.autoconfigure.app.indexed;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeopleApplication {

}
