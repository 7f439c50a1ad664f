package dev.migrate.autoconfigure.app.v2;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeopleApplication {

}
