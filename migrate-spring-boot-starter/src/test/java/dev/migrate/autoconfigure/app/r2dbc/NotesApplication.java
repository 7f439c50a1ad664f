package dev.migrate.autoconfigure.app.r2dbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotesApplication {

}
