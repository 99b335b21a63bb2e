package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other address under {@code /api}: a problem 404, not Vaadin's page shell (Vaadin's servlet would otherwise
 * take every address Spring MVC does not map). More specific mappings always win over this pattern.
 */
@RestController
class UnknownAddressController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found");
    }
}
