package dev.tern.domain.archfixture;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Deliberately broken: a library used outside its home package. Only RulesBiteTest imports it. */
public final class YamlReadingDomainValue {

    public YAMLMapper mapper() {
        return new YAMLMapper();
    }
}
