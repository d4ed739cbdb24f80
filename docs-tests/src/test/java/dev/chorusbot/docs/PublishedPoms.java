package dev.chorusbot.docs;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Developer;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.Scm;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingResult;
import org.apache.maven.model.building.ModelSource2;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The reactor's modules as Maven sees them: which are published, and what Maven Central requires
 * of each one's effective POM.
 *
 * <p>Effective POMs are built with Maven's own model builder (inheritance from the parent,
 * interpolation, the imported JUnit BOM read from the local repository), so the check sees what
 * {@code mvn help:effective-pom} shows, without running Maven.
 */
final class PublishedPoms {
    static final String GROUP_ID = "dev.chorusbot";

    private final Path root;
    private final Path localRepository;

    PublishedPoms(Path root, Path localRepository) {
        this.root = root;
        this.localRepository = localRepository;
    }

    /** Each module of the root pom's {@code <modules>} by its artifactId, to its pom.xml. */
    Map<String, Path> reactorModules() {
        Map<String, Path> modules = new LinkedHashMap<>();
        for (String module : raw(root.resolve("pom.xml")).getModules()) {
            Path pom = root.resolve(module).resolve("pom.xml");
            modules.put(raw(pom).getArtifactId(), pom);
        }
        return modules;
    }

    /** The artifactIds bot-bom manages: the published modules. */
    List<String> published() {
        List<String> published = new ArrayList<>();
        for (Dependency dependency : raw(root.resolve("bot-bom/pom.xml")).getDependencyManagement().getDependencies()) {
            if (GROUP_ID.equals(dependency.getGroupId())) {
                published.add(dependency.getArtifactId());
            }
        }
        return published;
    }

    /**
     * What Maven Central would refuse in one module's effective POM, each problem a sentence that
     * names the pom and says how to fix it; empty when there is nothing.
     */
    List<String> centralProblems(Path pom) {
        String where = root.relativize(pom).toString();
        ModelBuildingResult result = build(pom);
        Model own = result.getRawModel();
        Model effective = result.getEffectiveModel();
        List<String> problems = new ArrayList<>();
        // Maven does not inherit <name>, but it does inherit <description>: a module without one
        // would go out with the parent's description, so each module must declare both itself.
        if (blank(own.getName())) {
            problems.add(where + ": no <name> of its own; add one (e.g. <name>Chorus :: Redis state store</name>)");
        }
        if (blank(own.getDescription())) {
            problems.add(where + ": no <description> of its own (Maven would publish the parent's);"
                    + " add a one-sentence <description> of what the module holds");
        }
        if (blank(effective.getUrl())) {
            problems.add(where + ": no <url> (the parent's is inherited unless the module has no parent)");
        }
        if (effective.getLicenses().isEmpty()) {
            problems.add(where + ": no <licenses>");
        }
        for (License license : effective.getLicenses()) {
            if (blank(license.getName()) || blank(license.getUrl())) {
                problems.add(where + ": a <license> without <name> and <url>");
            }
        }
        if (effective.getDevelopers().isEmpty()) {
            problems.add(where + ": no <developers>");
        }
        for (Developer developer : effective.getDevelopers()) {
            if (blank(developer.getName())) {
                problems.add(where + ": a <developer> without <name>");
            }
        }
        Scm scm = effective.getScm();
        if (scm == null || blank(scm.getUrl()) || blank(scm.getConnection()) || blank(scm.getDeveloperConnection())) {
            problems.add(where + ": no <scm> with <url>, <connection> and <developerConnection>");
        }
        return problems;
    }

    /**
     * What is wrong with a published jar module's {@code chorus.module.name} (its
     * Automatic-Module-Name), or empty: it must be set, be a valid module name, and be the module's
     * root package.
     */
    List<String> moduleNameProblems(Path pom) {
        String where = root.relativize(pom).toString();
        Model effective = build(pom).getEffectiveModel();
        if (!"jar".equals(effective.getPackaging())) {
            return List.of();
        }
        String name = effective.getProperties().getProperty("chorus.module.name", "").strip();
        String fix = " (the Automatic-Module-Name a user's module-info requires): set"
                + " <chorus.module.name> in its <properties> to its root package, e.g. dev.chorusbot.redis";
        if (name.isEmpty()) {
            return List.of(where + ": no chorus.module.name" + fix);
        }
        if (!SourceVersion.isName(name)) {
            return List.of(where + ": chorus.module.name '" + name + "' is not a valid module name" + fix);
        }
        Path rootPackage = pom.getParent().resolve("src/main/java").resolve(name.replace('.', File.separatorChar));
        if (!Files.isDirectory(rootPackage)) {
            return List.of(where + ": chorus.module.name '" + name + "' is not a package of the module" + fix);
        }
        return List.of();
    }

    /** The effective value of a property of one module's POM, or null. */
    String property(Path pom, String name) {
        return build(pom).getEffectiveModel().getProperties().getProperty(name);
    }

    /** One module's raw POM, as written. */
    Model raw(Path pom) {
        try (Reader reader = Files.newBufferedReader(pom)) {
            return new MavenXpp3Reader().read(reader);
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("Cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private ModelBuildingResult build(Path pom) {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setPomFile(pom.toFile());
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        request.setProcessPlugins(false);
        request.setTwoPhaseBuilding(false);
        request.setSystemProperties(System.getProperties());
        request.setModelResolver(new LocalRepositoryResolver(localRepository));
        try {
            return new DefaultModelBuilderFactory().newInstance().build(request);
        } catch (ModelBuildingException e) {
            throw new IllegalStateException("Maven cannot build the effective POM of " + pom + ": " + e.getMessage(), e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Finds the POMs the model builder asks for outside the reactor (the BOMs the parent imports)
     * in the local repository, where the build that runs this test has already put them.
     */
    private static final class LocalRepositoryResolver implements ModelResolver {
        private final Path repository;

        LocalRepositoryResolver(Path repository) {
            this.repository = repository;
        }

        @Override
        public ModelSource2 resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
            Path pom = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + ".pom");
            if (!Files.isRegularFile(pom)) {
                throw new UnresolvableModelException("not in the local repository " + repository, groupId, artifactId, version);
            }
            return new FileModelSource(pom.toFile());
        }

        @Override
        public ModelSource2 resolveModel(Parent parent) throws UnresolvableModelException {
            return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        }

        @Override
        public ModelSource2 resolveModel(Dependency dependency) throws UnresolvableModelException {
            return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        }

        @Override
        public void addRepository(Repository repository) {
            // Local repository only: nothing is downloaded.
        }

        @Override
        public void addRepository(Repository repository, boolean replace) {
            // Local repository only: nothing is downloaded.
        }

        @Override
        public ModelResolver newCopy() {
            return this;
        }
    }
}
