#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for the emulator cmdlets (the xUnit twin that re-ran these in C# strings is retired).

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force

    function Get-DefaultEmulatorConnection {
        $type = (Get-Module CallbackLab).ImplementingAssembly.GetType('CallbackLab.Infrastructure.CallbackLabSession')
        $session = $type.GetProperty('Current', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null)
        $defaults = $type.GetProperty('Defaults', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($session)
        $defaults.Emulator
    }

    function Get-Status([string] $Uri) {
        try { (Invoke-WebRequest -Uri $Uri -UseBasicParsing -ErrorAction Stop).StatusCode }
        catch { [int] $_.Exception.Response.StatusCode }
    }
    # Pester 5 has no file-level AfterEach: every Describe calls this after each test.
    function Stop-AllEmulators { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }
}

Describe 'Start-CallbackLabEmulator' {
    AfterEach { Stop-AllEmulators }
    It 'writes the emulator and makes it the session default' {
        $e = Start-CallbackLabEmulator
        # Loopback, not literally 127.0.0.1: on Windows without a URL ACL the emulator binds localhost instead.
        $e.Uri.IsLoopback | Should -BeTrue
        $e.Uri.Port | Should -Be $e.Port
        $e.MockApiUri | Should -Be ([uri]::new($e.Uri, 'flowdesigner/Lab'))
        $e.TokenUri | Should -Be ([uri]::new($e.Uri, 'v1/access_token'))
        $e.AccessToken | Should -BeOfType [securestring]
        (Get-DefaultEmulatorConnection).MockApiUri | Should -Be $e.MockApiUri
        $body = Invoke-RestMethod "$($e.MockApiUri)/DynVars?dn=4694096861"
        $body[0].tacnumber | Should -Be '14085267209'
        (Invoke-WebRequest "$($e.MockApiUri)/DynVars?dn=4694096861" -UseBasicParsing).Content | Should -BeLike '`[{"dn":"4694096861"*'
        Stop-CallbackLabEmulator
        $e.IsRunning | Should -BeFalse
        Get-DefaultEmulatorConnection | Should -BeNullOrEmpty
    }

    It 'leaves the session default alone with -NoDefault' {
        $e = Start-CallbackLabEmulator -NoDefault
        Get-DefaultEmulatorConnection | Should -BeNullOrEmpty
        $e | Stop-CallbackLabEmulator
        @(Get-CallbackLabEmulator).Count | Should -Be 0
    }

    It 'names the addresses in verbose output but never the token' {
        $e = Start-CallbackLabEmulator -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $messages = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $messages | Should -Match '/flowdesigner/Lab'
        $token = [System.Net.NetworkCredential]::new('', $e.AccessToken).Password
        $messages | Should -Not -Match ([regex]::Escape($token))
        $stopping = (Stop-CallbackLabEmulator -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $stopping | Should -Not -Match ([regex]::Escape($token))
    }

    It 'starts nothing with -WhatIf' {
        Start-CallbackLabEmulator -WhatIf
        @(Get-CallbackLabEmulator).Count | Should -Be 0
    }

    It 'reports a taken port as ResourceUnavailable' {
        $e = Start-CallbackLabEmulator
        { Start-CallbackLabEmulator -Port $e.Port -ErrorAction Stop } |
            Should -Throw -ErrorId 'EmulatorPortUnavailable,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        $err = @(try { Start-CallbackLabEmulator -Port $e.Port -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        @(Get-CallbackLabEmulator).Count | Should -Be 1
    }
}

Describe 'Start-CallbackLabEmulator files' {
    AfterEach { Stop-AllEmulators }
    It 'reports missing and bad seed files and bad data files, naming the file' {
        Set-Content -Path TestDrive:/seed.json -Value '42'
        Set-Content -Path TestDrive:/data.json -Value '{ nope'
        { Start-CallbackLabEmulator -SeedPath TestDrive:/missing.json -ErrorAction Stop } |
            Should -Throw -ErrorId 'SeedNotFound,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        { Start-CallbackLabEmulator -SeedPath TestDrive:/seed.json -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSeed,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        { Start-CallbackLabEmulator -DataPath TestDrive:/data.json -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidDataFile,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        Get-Content TestDrive:/data.json -Raw | Should -Match '^\{ nope'
        @(Get-CallbackLabEmulator).Count | Should -Be 0
        $seedPath = Join-Path $TestDrive 'seed.json'
        $missing = @(try { Start-CallbackLabEmulator -SeedPath (Join-Path $TestDrive 'missing.json') -ErrorAction Stop } catch { $_ })
        $bad = @(try { Start-CallbackLabEmulator -SeedPath $seedPath -ErrorAction Stop } catch { $_ })
        $data = @(try { Start-CallbackLabEmulator -DataPath (Join-Path $TestDrive 'data.json') -ErrorAction Stop } catch { $_ })
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $bad[0].TargetObject | Should -Be $seedPath
        $data[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'keeps records across restarts with -DataPath, and any object with a Port pipes' {
        $data = Join-Path $TestDrive 'lab.json'
        $e = Start-CallbackLabEmulator -DataPath $data -RecordLimit 0 -RateLimitPerMinute 10 -NotFoundAsEmptyArray
        $e.DataPath | Should -Be $data
        $created = Invoke-WebRequest -Method Post "$($e.MockApiUri)/DynVars" -ContentType application/json -Body '{"dn":"5551234"}' -UseBasicParsing
        $created.StatusCode | Should -Be 201
        ($created.Content | ConvertFrom-Json).id | Should -Be '6'
        [pscustomobject]@{ Port = $e.Port } | Stop-CallbackLabEmulator
        $again = Start-CallbackLabEmulator -DataPath $data -NotFoundAsEmptyArray
        (Invoke-WebRequest "$($again.MockApiUri)/DynVars?dn=5551234" -UseBasicParsing).Content | Should -Be '[{"dn":"5551234","id":"6"}]'
        (Invoke-WebRequest "$($again.MockApiUri)/DynVars?dn=000" -UseBasicParsing).Content | Should -Be '[]'
    }
}

Describe 'Get-CallbackLabEmulator and Stop-CallbackLabEmulator' {
    AfterEach { Stop-AllEmulators }
    It 'lists running emulators and stopping by port releases the port' {
        $a = Start-CallbackLabEmulator
        $b = Start-CallbackLabEmulator -NoDefault
        (Get-CallbackLabEmulator).Port | Should -Be @($a.Port, $b.Port)
        (Get-CallbackLabEmulator -Default).Port | Should -Be $a.Port
        Stop-CallbackLabEmulator -Port $b.Port
        (Get-CallbackLabEmulator).Port | Should -Be $a.Port
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $b.Port)
        { $probe.Start(); $probe.Stop() } | Should -Not -Throw
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        @(Get-CallbackLabEmulator).Count | Should -Be 0
        $a.IsRunning | Should -BeFalse
    }

    It 'writes ObjectNotFound errors for ports it does not have (nothing running is a no-op: Newcomer.Emulator.Tests.ps1)' {
        Stop-CallbackLabEmulator -Port 1 -ErrorVariable err -ErrorAction SilentlyContinue
        Get-CallbackLabEmulator -Port 2 -ErrorVariable +err -ErrorAction SilentlyContinue
        $err.FullyQualifiedErrorId | Should -Be @(
            'EmulatorNotFound,CallbackLab.Commands.StopCallbackLabEmulatorCommand'
            'EmulatorNotFound,CallbackLab.Commands.GetCallbackLabEmulatorCommand')
        $err | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'ObjectNotFound' }
        $err[0].TargetObject | Should -Be 1
    }

    It 'has no target when there is no emulator and none was named' {
        Get-CallbackLabRequest -Path '/v1/*' -Method POST -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NoEmulator,CallbackLab.Commands.GetCallbackLabRequestCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -BeNullOrEmpty
    }

    It 'stops the emulators of a runspace when it closes' {
        $rs = [runspacefactory]::CreateRunspace(); $rs.Open()
        $ps = [powershell]::Create(); $ps.Runspace = $rs
        $uri = $ps.AddScript("Import-Module '$manifest'; (Start-CallbackLabEmulator).Uri").Invoke()[0]
        $ps.Dispose(); $rs.Dispose()
        { Invoke-WebRequest -Uri $uri -UseBasicParsing -TimeoutSec 5 -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Set-CallbackLabFault and Clear-CallbackLabFault' {
    AfterEach { Stop-AllEmulators }
    It 'fails the route the next N times and clears' {
        $e = Start-CallbackLabEmulator
        $u = "$($e.MockApiUri)/DynVars"
        $rule = Set-CallbackLabFault -Path '/flowdesigner/Lab/DynVars' -Method GET -StatusCode 503 -Count 1 -PassThru
        Get-Status $u | Should -Be 503
        Get-Status $u | Should -Be 200
        $rule.Applied | Should -Be 1
        Set-CallbackLabFault '*' 500
        Get-Status $u | Should -Be 500
        Clear-CallbackLabFault
        Get-Status $u | Should -Be 200
    }

    It 'refuses a success status as a fault' {
        Start-CallbackLabEmulator | Out-Null
        { Set-CallbackLabFault -Path '/v1/tasks' -StatusCode 200 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.SetCallbackLabFaultCommand'
        $err = @(try { Set-CallbackLabFault -Path '/v1/tasks' -StatusCode 200 -PassThru -ErrorAction Stop } catch { $_ })
        $err[0].Exception.Message | Should -BeLike '*300*'
    }

    It 'refuses a rule with nothing to inject' {
        Start-CallbackLabEmulator | Out-Null
        Set-CallbackLabFault -Path '/x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidFaultRule,CallbackLab.Commands.SetCallbackLabFaultCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject.PathPattern | Should -Be '/x'
    }
}

Describe 'Get-CallbackLabRequest' {
    AfterEach { Stop-AllEmulators }
    It 'filters the journal and redacts Authorization' {
        $e = Start-CallbackLabEmulator
        Get-Status "$($e.MockApiUri)/DynVars?dn=4694096861" | Out-Null
        Get-Status "$($e.MockApiUri)/DynVars/99" | Out-Null
        try { Invoke-WebRequest "$($e.Uri)v1/tasks?from=0" -Headers @{ Authorization = 'Bearer secret-value' } -UseBasicParsing } catch { }
        (Get-CallbackLabRequest).Count | Should -Be 3
        (Get-CallbackLabRequest -Path '*/DynVars*' -StatusCode 404).Path | Should -Be '/flowdesigner/Lab/DynVars/99'
        $t = Get-CallbackLabRequest -Path '/v1/*' -Method get
        $t.Headers['Authorization'] | Should -Be 'Bearer ***'
        $t.Query | Should -Be 'from=0'
        (Get-CallbackLabRequest -Last 1).Path | Should -Be '/v1/tasks'
        @($e | Get-CallbackLabRequest -Method POST).Count | Should -Be 0
    }
}

Describe 'Reset-CallbackLabEmulator' {
    AfterEach { Stop-AllEmulators }
    It 'puts the seed back' {
        $e = Start-CallbackLabEmulator
        Invoke-RestMethod -Method Delete "$($e.MockApiUri)/DynVars/1" | Out-Null
        Get-Status "$($e.MockApiUri)/DynVars/1" | Should -Be 404
        (Reset-CallbackLabEmulator -PassThru).Port | Should -Be $e.Port
        Get-Status "$($e.MockApiUri)/DynVars/1" | Should -Be 200
    }
}
