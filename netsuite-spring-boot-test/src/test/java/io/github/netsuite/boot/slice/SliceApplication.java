package io.github.netsuite.boot.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application a slice test finds; a slice turns its auto-configuration off and
 * imports only what the slice lists, the starter's included.
 */
@SpringBootApplication
class SliceApplication {

}
