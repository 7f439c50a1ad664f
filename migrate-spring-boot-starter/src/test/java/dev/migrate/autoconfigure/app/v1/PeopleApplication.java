package dev.migrate.autoconfigure.app.v1;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeopleApplication {

}
